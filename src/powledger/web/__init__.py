"""Server-rendered pages, SVG charts, templates and static assets of the dashboard."""
