"""STUB (owned by the components helper)."""
