package dev.berth.server.runtime;

import dev.berth.iam.service.AccessKeys;
import dev.berth.iam.service.AccountAliases;
import dev.berth.iam.service.Attachments;
import dev.berth.iam.service.Groups;
import dev.berth.iam.service.LoginProfiles;
import dev.berth.iam.service.Policies;
import dev.berth.iam.service.ResourceGroups;
import dev.berth.iam.service.Roles;
import dev.berth.iam.service.SecurityTokenService;
import dev.berth.iam.service.Users;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcActions;
import dev.berth.server.rpc.ram.AccessKeyActions;
import dev.berth.server.rpc.ram.AccountActions;
import dev.berth.server.rpc.resourcemanager.ResourceGroupActions;
import dev.berth.server.rpc.ram.AttachmentActions;
import dev.berth.server.rpc.ram.GroupActions;
import dev.berth.server.rpc.ram.LoginProfileActions;
import dev.berth.server.rpc.ram.PolicyActions;
import dev.berth.server.rpc.ram.RoleActions;
import dev.berth.server.rpc.sts.AssumeRole;
import dev.berth.server.rpc.ram.UserActions;
import dev.berth.server.rpc.sts.GetCallerIdentity;
import dev.berth.server.rpc.RpcRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every action the RPC API serves, by product (iam-api.md section 4). */
final class RpcCatalog {
    private RpcCatalog() {
    }

    static RpcActions actions(Users users, AccessKeys keys, Policies policies, Attachments attachments, Roles roles,
                              SecurityTokenService sts, Groups groups, ResourceGroups resourceGroups, AccountAliases aliases,
                              LoginProfiles loginProfiles, List<RpcRoute> containerRegistry) {
        List<RpcRoute> ram = new ArrayList<>();
        ram.addAll(new UserActions(users).routes());
        ram.addAll(new AccessKeyActions(keys).routes());
        ram.addAll(new PolicyActions(policies).routes());
        ram.addAll(new AttachmentActions(attachments, policies).routes());
        ram.addAll(new RoleActions(roles).routes());
        ram.addAll(new GroupActions(groups).routes());
        ram.addAll(new AccountActions(aliases).routes());
        ram.addAll(new LoginProfileActions(loginProfiles).routes());
        return new RpcActions(Map.of(
                Product.RAM, ram,
                Product.RESOURCE_MANAGER, new ResourceGroupActions(resourceGroups).routes(),
                Product.CONTAINER_REGISTRY, containerRegistry,
                Product.STS, List.of(
                        RpcRoute.open("GetCallerIdentity", new GetCallerIdentity()),
                        RpcRoute.open("AssumeRole", new AssumeRole(sts, attachments)))));
    }
}
