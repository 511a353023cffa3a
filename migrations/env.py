"""Alembic's entry point for the study-progress schema.

The app runs it through lib.progress.store.upgrade_schema with an open connection. A developer
writing a new migration uses the command line with the database URL in the environment:
    BONE_LOADING_LAB_DATABASE_URL=sqlite:///scratch.sqlite3 alembic revision -m "..."
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from lib.progress.store import database_url, metadata

# Any fixed number: replicas starting together on PostgreSQL take turns to migrate.
MIGRATION_LOCK = 4215


def run_migrations(connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    # Batch mode lets later migrations alter SQLite tables (copy and move), which plain ALTER cannot.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)  # inside the caller's transaction
else:
    with create_engine(database_url()).begin() as own_connection:
        run_migrations(own_connection)
