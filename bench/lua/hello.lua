-- GET /hello on the reference app.
wrk.method = "GET"
wrk.path = "/hello"
