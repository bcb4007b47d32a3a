"""A small map under a place's coordinates in the admin, with a pin to drag to the door.

The latitude and longitude inputs stay the field the form sends: the script only fills them
(and a keyboard or screen-reader user types them, as without JavaScript). The map draws the
configured tiles or the city map this site serves (city_map.py), nothing from anywhere else.
"""

from django import forms
from wagtail.admin.panels import Panel

from familientisch.conf import setting

from .city_map import city_map_url

# On the offer's form (page_form.py): the media of panels inside an inline panel's places are
# not collected by the page editor.
MEDIA = forms.Media(
    css={"all": ["offers/leaflet/leaflet.css", "offers/admin_map.css"]},
    js=["offers/leaflet/leaflet.js", "offers/admin_map.js"],
)


class PointPickerPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "offers/admin/point_picker.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["fields"] = self.form.prefix if self.form is not None else ""
            context["city_map_url"] = city_map_url()
            context["map_tiles_url"] = setting("NAVIGATOR_MAP_TILES_URL")
            context["map_attribution"] = setting("NAVIGATOR_MAP_ATTRIBUTION")
            return context
