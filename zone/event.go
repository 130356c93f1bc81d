package zone

// Event names a project milestone, e.g. [Signed]. Rule sets may declare more
// events; these are built in.
type Event string

// The built-in milestone events, in lifecycle order.
const (
	Signed                Event = "signed"                  // 招商签约
	SiteSelected          Event = "site_selected"           // 选址确定
	ReviewPassed          Event = "review_passed"           // 项目审议通过
	LandTransferred       Event = "land_transferred"        // 完成土地出让
	ConstructionStarted   Event = "construction_started"    // 项目开工
	EquipmentDebugging    Event = "equipment_debugging"     // 设备调试
	ProductionStarted     Event = "production_started"      // 投产
	DesignCapacityReached Event = "design_capacity_reached" // 达产
)

// EventInfo describes an event for people: its Chinese label.
type EventInfo struct {
	Event Event
	Label string
}

// BuiltinEvents returns the built-in events with their labels, in lifecycle
// order. The slice is new on each call.
func BuiltinEvents() []EventInfo {
	return []EventInfo{
		{Signed, "招商签约"},
		{SiteSelected, "选址确定"},
		{ReviewPassed, "项目审议通过"},
		{LandTransferred, "完成土地出让"},
		{ConstructionStarted, "项目开工"},
		{EquipmentDebugging, "设备调试"},
		{ProductionStarted, "投产"},
		{DesignCapacityReached, "达产"},
	}
}
