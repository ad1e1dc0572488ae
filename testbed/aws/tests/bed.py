"""What every model test shares: one bed server per test class, boto3 clients and the control API."""
import json
import os
import unittest
import urllib.request
from typing import Any

import boto3

from ecsbed.server import BackgroundServer

REGION = "us-east-1"


class BedTestCase(unittest.TestCase):
    server: BackgroundServer

    @classmethod
    def setUpClass(cls) -> None:
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
        cls.server = BackgroundServer().__enter__()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.__exit__()

    def setUp(self) -> None:
        self.post("/moto-api/reset", {})

    def client(self, service: str) -> Any:
        return boto3.client(service, region_name=REGION, endpoint_url=self.server.url)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            self.server.url + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            raw = response.read()
            return json.loads(raw) if raw else None

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.server.url + path) as response:
            return json.loads(response.read())
