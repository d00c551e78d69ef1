SITEGEN_SEARCH.words("au", {"autres":[1]});
