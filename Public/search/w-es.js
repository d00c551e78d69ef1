SITEGEN_SEARCH.words("es", {"estimer":[0]});
