"""REST compatibility routes for clients of the original design (same services, same auth)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from debrief.errors import DebriefError
from debrief.kit.ids import parse_uuid
from debrief.models import Recording, Session
from debrief.runtime import Runtime
from debrief.services.auth import access
from debrief.services.auth.credentials import Interviewer, Principal, authenticate
from debrief.services.reads import results
from debrief.services.storage import downloads

NEEDS_KEY = {"error": "An interviewer API key is required."}


async def _interviewer_session(
    request: Request, principal: Principal | None = None
) -> tuple[Interviewer, Session] | Response:
    if principal is None:
        principal = await authenticate(request.headers.get("authorization"))
    if not isinstance(principal, Interviewer):
        return JSONResponse(NEEDS_KEY, status_code=401)
    session = await access.find_visible_session(principal, request.path_params["session_id"])
    if session is None or session.interview.key != request.path_params["interview_key"]:
        return JSONResponse({"error": "No such session."}, status_code=404)
    return principal, session


async def session_data(request: Request) -> Response:
    """A session's results as JSON; answered from the response cache while the session's
    version has not moved (the caller and the version are read fresh, as for GraphQL)."""
    runtime: Runtime = request.app.state.runtime
    cache = runtime.response_cache
    interview_key = request.path_params["interview_key"]
    principal: Principal | None = None
    session_id = parse_uuid(request.path_params["session_id"])
    if cache is not None and session_id is not None:
        principal, (version,) = await runtime.fresh_reads.check(
            request.headers.get("authorization"), [("session", str(session_id))]
        )
        if not isinstance(principal, Interviewer):
            return JSONResponse(NEEDS_KEY, status_code=401)
        if version is not None:
            key = results.results_key(
                session_id, version, scope=principal.scope, interview_key=interview_key
            )
            if isinstance(cached := await cache.get(key), bytes):
                runtime.ledger.record_result_view(session_id, principal.organization_id)
                return Response(cached, media_type="application/json")
    found = await _interviewer_session(request, principal)
    if isinstance(found, Response):
        return found
    principal, session = found
    runtime.ledger.record_result_view(session.id, principal.organization_id)  # cost report
    body = await results.session_results_json(
        session, scope=principal.scope, interview_key=interview_key, cache=cache
    )
    return Response(body, media_type="application/json")


async def recording_download(request: Request) -> Response:
    found = await _interviewer_session(request)
    if isinstance(found, Response):
        return found
    _, session = found
    rid = parse_uuid(request.path_params["recording_id"])
    recording = await Recording.filter(id=rid, session_id=session.id).first() if rid else None
    if recording is None:
        return JSONResponse({"error": "No such recording."}, status_code=404)
    runtime: Runtime = request.app.state.runtime
    try:
        expires_in_s = int(
            request.query_params.get("expires_in", runtime.settings.signed_url_default_expires_s)
        )
        result = await downloads.get_download_url(
            recording,
            expires_in_s=expires_in_s,
            base_url=str(request.base_url),
            storage=runtime.storage,
            cache=runtime.url_cache,
            settings=runtime.settings,
        )
    except (ValueError, DebriefError) as error:
        return JSONResponse({"error": str(error)}, status_code=400)
    if isinstance(result, downloads.Archived):
        return JSONResponse(
            {
                "error": "The recording is archived.",
                "storageClass": result.storage_class,
                "restoreStatus": result.restore_status,
            },
            status_code=409,
        )
    return RedirectResponse(result.url, status_code=307)
