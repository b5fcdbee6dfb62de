"""The domain: everything debrief does, behind plain async functions and small classes.

Services take what they need as arguments (clients from the runtime, the transaction's
connection) and never commit; they may import models, kit and the base modules, never
resolvers, schema, http, jobs or the runtime.
"""
