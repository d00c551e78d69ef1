SITEGEN_SEARCH.words("na", {"naturelles":[1]});
