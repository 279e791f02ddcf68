"""Read and validate one data folder, whole or not at all."""
