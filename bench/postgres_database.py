"""The benches' own PostgreSQL database: created on the server when missing, so that a
bench needs only a server URL."""


def ensure_postgres_database(connection):
    """Create the database `connection` is configured for, if the server lacks it."""
    import psycopg

    settings_dict = connection.settings_dict
    params = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [settings_dict["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
