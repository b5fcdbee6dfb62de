"""Everything OpenAI-shaped: failure classes, the retry policy and the circuit, shared by
transcription and analysis. The only room that imports openai."""
