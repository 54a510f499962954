"""The REST API (FastAPI). `mcfwatch.api.app.create_app()` builds it; `app` is the default instance."""
