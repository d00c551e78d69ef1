SITEGEN_SEARCH.words("an", {"annee":[1],
"annees":[0]});
