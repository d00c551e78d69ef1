// Sortable columns for the officials table: headers with data-sort get a button; sorting is
// by the cell's data-key (folded name) or number. Without JavaScript the table stays sorted
// by name, as generated.
(function () {
  "use strict";
  var table = document.querySelector("table.officials-table");
  if (!table) { return; }
  var headers = table.querySelectorAll("th[data-sort]");
  var body = table.tBodies[0];
  function value(row, index, kind) {
    var cell = row.cells[index];
    if (kind === "number") { return parseInt(cell.textContent, 10) || 0; }
    return cell.getAttribute("data-key") || cell.textContent;
  }
  Array.prototype.forEach.call(headers, function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var index = th.cellIndex;
      var kind = th.getAttribute("data-sort");
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      if (kind === "number" && th.getAttribute("aria-sort") === null) { ascending = false; }
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index, kind), y = value(b, index, kind);
        var c = kind === "number" ? x - y : (x < y ? -1 : x > y ? 1 : 0);
        if (c === 0) { c = value(a, 0, "text") < value(b, 0, "text") ? -1 : 1; return c; }
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
})();
