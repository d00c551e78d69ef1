SITEGEN_SEARCH.words("en", {"enfin":[0],
"entretien":[1],
"entretiennent":[1]});
