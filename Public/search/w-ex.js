SITEGEN_SEARCH.words("ex", {"exterieures":[1]});
