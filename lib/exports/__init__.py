"""The data in open formats: IATI is in lib/iati; here CSV, HXL, Frictionless and the folder ZIP."""
