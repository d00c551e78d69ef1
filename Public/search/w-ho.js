SITEGEN_SEARCH.words("ho", {"hoang":[1]});
