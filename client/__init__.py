"""Not a library: this file makes `client/tests` import as `client.tests` under pytest, not `tests`,
which is the server's test folder (`server/tests`), so both suites can run in one pytest process.
"""
