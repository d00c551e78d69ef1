SITEGEN_SEARCH.words("ma", {"maintenir":[0,1],
"maintien":[1],
"maladie":[1],
"mandat":[1],
"maniere":[1],
"maritimes":[1],
"materielles":[1],
"matiere":[1]});
