"""The impact dashboard's library: data loading, validation, indicators and charts."""
