"""The map of partner cities: places, links, the first view and the offline basemap."""
