SITEGEN_SEARCH.words("un", {"uns":[1]});
