SITEGEN_SEARCH.words("va", {"vantait":[1]});
