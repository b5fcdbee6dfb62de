"""Object storage (local folder or S3 through aioboto3) and lazily signed download URLs.

The only room that imports aioboto3."""
