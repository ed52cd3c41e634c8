-- The ledger's database (Temporal's auto-setup creates its own databases beside it).
CREATE DATABASE dsrflow;
