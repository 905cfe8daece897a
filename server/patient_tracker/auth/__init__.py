"""Who is calling and what they may see: API keys, the integrations they belong to, scope
names, the data-scope rule (`data_scopes`), and the request-time check (`route.SecuredRoute`)."""
