"""Fixtures for the hostile-input tests: the storage tests' small board and private state dir."""

from tests.storage.conftest import board, state_home  # noqa: F401 - fixtures, used by name
