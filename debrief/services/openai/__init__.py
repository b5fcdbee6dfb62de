"""Everything OpenAI-shaped, shared by transcription and analysis: the one client factory
(``client``), the two SDK calls with their replies as plain records (``audio``, ``chat``), the
failure classes and their policy as data (``failures``), the one loop that applies it
(``retry``) and the circuit (``circuit``). The only room that imports openai (import-linter
checks it); it may import kit, the base modules and ``services.queue.defer``."""
