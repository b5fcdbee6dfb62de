"""The browser client, served by debrief itself: its pages, its built assets, local GraphiQL.

The sources live in `web/` (TypeScript); `static/` holds what `npm run build` made of them,
committed, so serving needs no Node. Same room as the rest of `http/`.
"""
