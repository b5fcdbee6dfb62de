"""The HTTP edge: middleware, the GraphQL view and its Schema, REST routes, operations routes.

May import resolvers, schema, services, the runtime and kit; nothing below imports it.
"""
