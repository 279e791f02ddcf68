"""The interface layer: the only modules of lib/ that import Streamlit."""
