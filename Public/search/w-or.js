SITEGEN_SEARCH.words("or", {"organes":[0],
"organisations":[1],
"organise":[1],
"organiser":[1],
"orientations":[1]});
