SITEGEN_SEARCH.words("fu", {"futurs":[1]});
