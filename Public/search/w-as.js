SITEGEN_SEARCH.words("as", {"associer":[1]});
