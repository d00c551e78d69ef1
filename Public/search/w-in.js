SITEGEN_SEARCH.words("in", {"information":[0],
"informations":[0],
"informe":[1],
"interet":[0],
"internationale":[1]});
