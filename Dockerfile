# Production image: gunicorn behind the agency's reverse proxy, configured entirely by
# environment variables (DATABASE_URL, SECRET_KEY, … — see README.md).
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=ssa.settings.production \
    PORT=8000

# ffmpeg (ffprobe, poster frames) and exiftool for the media archive; libpq for PostgreSQL.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends ffmpeg libimage-exiftool-perl libpq5 \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 ssa
WORKDIR /app

COPY requirements.txt .
RUN pip install --requirement requirements.txt

COPY --chown=ssa:ssa . .

# Build-time only values: collectstatic and the catalogues need settings, not a database.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py compile_translations \
    && SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py collectstatic --noinput \
    && chown -R ssa:ssa /app

USER ssa
EXPOSE 8000

# Workers, timeouts, limits and the trusted proxy addresses (FORWARDED_ALLOW_IPS):
# gunicorn.conf.py.
CMD ["gunicorn", "ssa.wsgi:application", "--config", "gunicorn.conf.py"]
