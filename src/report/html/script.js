(function(){
var form=document.getElementById("filters");if(!form)return;form.hidden=false;
function apply(){var off={};
form.querySelectorAll("input[type=checkbox]").forEach(function(c){if(!c.checked)off[c.name+":"+c.value]=true;});
document.querySelectorAll("[data-verdict]").forEach(function(el){var s=el.getAttribute("data-severity");
el.hidden=!!(off["verdict:"+el.getAttribute("data-verdict")]||(s&&off["severity:"+s]));});}
form.addEventListener("change",apply);apply();})();
