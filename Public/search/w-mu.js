SITEGEN_SEARCH.words("mu", {"multilateraux":[1]});
