"""Participants and people supported: who took part, from where, and how many."""
