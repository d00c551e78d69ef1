SITEGEN_SEARCH.words("cr", {"croissance":[1]});
