SITEGEN_SEARCH.words("da", {"date":[1]});
