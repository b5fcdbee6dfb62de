"""Thin GraphQL resolvers: authorise, call one service, map to schema types; DataLoaders.

May import schema, services, models and kit."""
