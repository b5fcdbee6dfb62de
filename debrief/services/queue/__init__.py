"""Jobs as rows written in the caller's transaction, and how they are dispatched after commit
(inline in the API process, or arq on Redis)."""
