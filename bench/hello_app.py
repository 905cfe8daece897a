"""The reference for `bench/run.py`: FastAPI's hello world, served the same way as the API."""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
async def hello() -> dict[str, str]:
    """A constant JSON object: FastAPI routing and serialisation, nothing else."""
    return {"hello": "world"}
