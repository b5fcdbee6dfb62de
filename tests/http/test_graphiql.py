"""GraphiQL is served in development and off in production."""

from __future__ import annotations

from debrief.config import Settings
from tests.conftest import open_api


async def test_graphiql_only_in_development(settings: Settings) -> None:
    html = {"Accept": "text/html"}
    async with open_api(settings) as api:
        page = await api.http.get("/graphql", headers=html)  # type: ignore[attr-defined]
        assert page.status_code == 200 and "graphiql" in page.text.lower()
    production = settings.model_copy(update={"env": "production"})
    async with open_api(production) as api:
        page = await api.http.get("/graphql", headers=html)  # type: ignore[attr-defined]
        assert "graphiql" not in page.text.lower()
