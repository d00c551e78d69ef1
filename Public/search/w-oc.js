SITEGEN_SEARCH.words("oc", {"occasion":[1]});
