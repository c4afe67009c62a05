package dev.berth.server.rpc.ram;

import dev.berth.iam.group.RamGroup;
import dev.berth.iam.service.Groups;
import dev.berth.policy.value.ResourceArn;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** RAM group actions: the groups themselves and their members. */
public final class GroupActions {
    private final Groups groups;

    public GroupActions(Groups groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "CreateGroup", GroupActions::resource, this::create),
                RpcRoute.authorized(Product.RAM, "GetGroup", GroupActions::resource, this::get),
                RpcRoute.authorized(Product.RAM, "UpdateGroup", GroupActions::resource, this::update),
                RpcRoute.authorized(Product.RAM, "DeleteGroup", GroupActions::resource, this::delete),
                RpcRoute.authorized(Product.RAM, "ListGroups", RamParameters::accountResource, this::list),
                RpcRoute.authorizedOnEach(Product.RAM, "AddUserToGroup", GroupActions::groupAndUser, this::addUser),
                RpcRoute.authorizedOnEach(Product.RAM, "RemoveUserFromGroup", GroupActions::groupAndUser, this::removeUser),
                RpcRoute.authorized(Product.RAM, "ListGroupsForUser", call -> RamParameters.userResource(call, "UserName"),
                        this::groupsForUser),
                RpcRoute.authorized(Product.RAM, "ListUsersForGroup", GroupActions::resource, this::usersForGroup));
    }

    private RpcAnswer create(RpcCall call) {
        RamGroup group = groups.create(RamParameters.account(call), call.required("GroupName"), call.nonEmpty("Comments").orElse(""),
                call.receivedAt());
        return RpcAnswer.builder().put("Group", answer(group)).build();
    }

    private RpcAnswer get(RpcCall call) {
        return RpcAnswer.builder().put("Group", answer(groups.find(RamParameters.account(call), call.required("GroupName")))).build();
    }

    private RpcAnswer update(RpcCall call) {
        RamGroup group = groups.update(RamParameters.account(call), call.required("GroupName"), call.nonEmpty("NewGroupName"),
                call.nonEmpty("NewComments"), call.receivedAt());
        return RpcAnswer.builder().put("Group", answer(group)).build();
    }

    private RpcAnswer delete(RpcCall call) {
        groups.delete(RamParameters.account(call), call.required("GroupName"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer list(RpcCall call) {
        return Pages.answer(call, groups.list(RamParameters.account(call)), RamGroup::name, GroupActions::answer, "Groups", "Group");
    }

    private RpcAnswer addUser(RpcCall call) {
        groups.addUser(RamParameters.account(call), call.required("GroupName"), RamParameters.userName(call, "UserName"),
                call.receivedAt());
        return RpcAnswer.builder().build();
    }

    private RpcAnswer removeUser(RpcCall call) {
        groups.removeUser(RamParameters.account(call), call.required("GroupName"), RamParameters.userName(call, "UserName"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer groupsForUser(RpcCall call) {
        List<Map<String, Object>> listed = groups.groupsOf(RamParameters.account(call), RamParameters.userName(call, "UserName"))
                .stream().map(GroupActions::answer).toList();
        return RpcAnswer.builder().put("Groups", Map.of("Group", listed)).build();
    }

    private RpcAnswer usersForGroup(RpcCall call) {
        List<Map<String, Object>> listed = groups.usersOf(RamParameters.account(call), call.required("GroupName")).stream()
                .map(RamAnswers::user).toList();
        return RpcAnswer.builder().put("IsTruncated", false).put("Marker", "").put("Users", Map.of("User", listed)).build();
    }

    private static ResourceArn resource(RpcCall call) {
        return ResourceArn.of("acs:ram:*:" + RamParameters.account(call) + ":group/" + call.required("GroupName"));
    }

    private static List<ResourceArn> groupAndUser(RpcCall call) {
        return List.of(resource(call), RamParameters.userResource(call, "UserName"));
    }

    private static Map<String, Object> answer(RamGroup group) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("GroupId", group.id());
        fields.put("GroupName", group.name());
        fields.put("Comments", group.comments());
        fields.put("CreateDate", RamAnswers.date(group.createdAt()));
        fields.put("UpdateDate", RamAnswers.date(group.updatedAt()));
        return fields;
    }
}
